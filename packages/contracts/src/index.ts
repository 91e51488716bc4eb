export * from './error-codes';
export * from './enums';
export * from './routes';
export * from './dto/pagination.dto';
export * from './dto/region.dto';
export * from './dto/station.dto';
export * from './validate';
