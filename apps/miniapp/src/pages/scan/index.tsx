import { ComingSoon } from '../../components/ComingSoon';

/** Placeholder until the scan feature lands; says so plainly instead of showing fake data. */
export default function ScanPage() {
  return <ComingSoon descriptionKey="soon.scan" />;
}
