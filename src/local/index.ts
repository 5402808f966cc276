export { readXlsx, readXlsxFile, workbookFromSheets } from './xlsx';
