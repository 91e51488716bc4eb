import { CreateRegionsAndStations1763856000000 } from './1763856000000-create-regions-and-stations';

/** SQLite migrations in the order they apply. Add new ones at the end. */
export const SQLITE_MIGRATIONS = [CreateRegionsAndStations1763856000000];
