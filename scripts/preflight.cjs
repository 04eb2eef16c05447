// Runs first in every npm script, before anything that could crash on an old Node. Written in
// old JavaScript (var, function, CommonJS, no node: imports) so any Node can run it and print one clear
// line instead of a stack trace. The project needs Node 22.19+ (type stripping, undici 8);
// `npm ci` installs Node 24 into node_modules (the "node" dev dependency), which npm scripts use.
'use strict';
var fs = require('fs');
var path = require('path');

var MINIMUM = [22, 19, 0];
var HOW =
  'run `npm ci` (it installs Node 24 into node_modules for the npm scripts), or install Node 24 yourself (`nvm install` reads .nvmrc; or https://nodejs.org/)';

function tooOld(version) {
  var parts = String(version).split('.').map(Number);
  var i;
  for (i = 0; i < 3; i++) {
    if ((parts[i] || 0) !== MINIMUM[i]) return (parts[i] || 0) < MINIMUM[i];
  }
  return false;
}

/** The one line to print, or null when this Node and this checkout can run the project. */
function preflightProblem(version, projectDir) {
  if (tooOld(version)) {
    return `Steady Ground needs Node.js ${MINIMUM.join('.')} or later, but this is Node ${version}: ${HOW}.`;
  }
  if (!fs.existsSync(path.join(projectDir, 'node_modules', 'astro', 'package.json'))) {
    return 'Steady Ground: the dependencies are not installed yet: run `npm ci` first.';
  }
  return null;
}

module.exports = { preflightProblem: preflightProblem, MINIMUM: MINIMUM };

var problem = require.main === module && preflightProblem(process.versions.node, path.join(__dirname, '..'));
if (problem) {
  console.error(problem);
  process.exit(1);
}
