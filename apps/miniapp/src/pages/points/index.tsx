import { ComingSoon } from '../../components/ComingSoon';

/** Placeholder until the points feature lands; says so plainly instead of showing fake data. */
export default function PointsPage() {
  return <ComingSoon descriptionKey="soon.points" />;
}
