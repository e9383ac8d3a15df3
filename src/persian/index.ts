/** Persian text rules shared by the plugins, the importer and search. Pure functions, no Strapi. */
export * from './characters';
export * from './digits';
export * from './letters';
export * from './cleanup';
export * from './blank';
export * from './whole-number';
