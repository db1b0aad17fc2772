import { InMemoryStorage } from '../../../bot/store/index.js';
import { storageContract } from './storage-contract.js';

describe('InMemoryStorage', () => {
  storageContract(async () => new InMemoryStorage());
});
