import { busContract } from '../testing/bus-contract';
import { InProcessBus } from './in-process-bus';

busContract('in-process', {
  createBus: async (partitions) => new InProcessBus({ partitions }),
});
