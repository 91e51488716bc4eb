import { ComingSoon } from '../../components/ComingSoon';

/** Placeholder until the report feature lands; says so plainly instead of showing fake data. */
export default function ReportPage() {
  return <ComingSoon descriptionKey="soon.report" />;
}
