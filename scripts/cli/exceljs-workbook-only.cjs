/**
 * What the compiled CLI loads for `exceljs`: only its Workbook (the .xlsx reader and writer the CLI
 * uses). The package's own entry also loads its streaming reader and writer (unzipper, archiver and
 * their dependencies), about 160 ms of start-up in every process and in every worker thread of the
 * split and the merge, for classes the CLI never uses.
 */
module.exports = { Workbook: require("exceljs/lib/doc/workbook") };
module.exports.default = module.exports;
