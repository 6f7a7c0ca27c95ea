/**
 * What a VPC endpoint's state means for the orphan check. EC2 reports `pendingAcceptance`, `pending`,
 * `available`, `deleting`, `deleted`, `rejected`, `failed`, `expired` and `partial` (the `State` enum of
 * the EC2 API; AWS PrivateLink guide, "Interface endpoint lifecycle"), in this case or capitalized.
 *
 * - `live`: the endpoint exists and works, or will: an orphan worth adopting.
 * - `goingAway`: AWS is deleting it or has; it disappears from DescribeVpcEndpoints by itself, and the
 *   AWS provider reads a `deleted` endpoint as not found, so importing it would fail.
 * - `dead`: it never worked or stopped working (the service refused or expired it, or creating it
 *   failed); nothing to adopt, only to delete.
 *
 * A state this list does not know counts as `live`: telling about one endpoint too many is safer than
 * hiding one.
 */
export type EndpointCondition = 'live' | 'goingAway' | 'dead';

const GOING_AWAY = ['deleting', 'deleted'];
const DEAD = ['rejected', 'failed', 'expired'];

export function endpointCondition(state: string): EndpointCondition {
  const normalized = state.toLowerCase();
  return GOING_AWAY.includes(normalized) ? 'goingAway' : DEAD.includes(normalized) ? 'dead' : 'live';
}
