export { INBOUND_LIMITS as LIMITS } from '../contract-limits';
