// The OpenAPI plugin of @nestjs/swagger as a ts-jest AST transformer: the API under test is compiled as
// the build compiles it (apps/api/webpack.config.js), so the document it serves in the tests is the one
// the server publishes (response and DTO property types read from the code, comments as descriptions),
// and the typed client generated from the build's document can be checked against it.
const plugin = require('@nestjs/swagger/plugin');

const OPTIONS = { introspectComments: true };

module.exports.name = 'nestjs-swagger-plugin';
// Part of ts-jest's cache key: bump it when this file changes.
module.exports.version = 2;
// The plugin reads types, so it needs the program that holds the file being emitted: ts-jest's language
// service program at emit time (the one it keeps in `program` is from before any file was added).
module.exports.factory = (compiler) => (context) => {
  const program = compiler._languageService?.getProgram() ?? compiler.program;
  return plugin.before(OPTIONS, program)(context);
};
