// Jest setup file of `test:mysql`: the shared integration suites read the dialect from here.
process.env.YIZHAN_TEST_DIALECT = 'mysql';
