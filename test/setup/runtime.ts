// Printed at the top of every test run, so a log shows which Node ran the tests. The project
// brings its own Node (the registry's `node` package, first on PATH in npm scripts); a run on an
// older system Node means the tests were started outside npm and is refused.
const MINIMUM_MAJOR = 22;

export default function checkRuntime(): void {
  const major = Number(process.versions.node.split('.')[0]);
  console.log(`Node ${process.version} (${process.execPath})`);
  if (major < MINIMUM_MAJOR) {
    throw new Error(
      `Tests need Node ≥ ${MINIMUM_MAJOR}; this is ${process.version}. Run them with \`npm test\`, which uses the project's own Node.`,
    );
  }
}
