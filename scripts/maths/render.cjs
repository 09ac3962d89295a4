/*
 * Renders TeX formulas to HTML with the pinned KaTeX (called by scripts/hooks/maths.py).
 *
 *   node scripts/maths/render.cjs < formulas.json > rendered.json
 *
 * Input: [[tex, display], ...]. Output: one entry per formula, in order: {html} (KaTeX's HTML with
 * MathML for screen readers) or {error} (KaTeX's parse error, which fails the strict build).
 */
"use strict"

const katex = require("katex")

let input = ""
process.stdin.setEncoding("utf8")
process.stdin.on("data", chunk => { input += chunk })
process.stdin.on("end", () => {
  const rendered = JSON.parse(input).map(([tex, display]) => {
    try {
      return { html: katex.renderToString(tex, { displayMode: display, throwOnError: true, output: "htmlAndMathml" }) }
    } catch (error) {
      return { error: String(error.message || error) }
    }
  })
  process.stdout.write(JSON.stringify(rendered))
})
