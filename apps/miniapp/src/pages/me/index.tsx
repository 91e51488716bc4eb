import { ComingSoon } from '../../components/ComingSoon';

/** Placeholder until the me feature lands; says so plainly instead of showing fake data. */
export default function MePage() {
  return <ComingSoon descriptionKey="soon.me" />;
}
