/*
 * Builds the search index at build time (called by scripts/hooks/search_index.py).
 *
 *   node scripts/search/build_index.cjs < sections.json > index.json
 *
 * Input: {pages: [{url, title, tags}], sections: [{page, anchor, heading, teaser, text, weight}]},
 * the readable text of every section (the hook decides what is readable). Output: the
 * `docs` of search/search_index.json, which the search worker (worker.js) reads:
 *
 *   pages:    [[url, title, tags]]
 *   sections: [[page number, anchor, heading, teaser, weight]]   (section number = document id;
 *             the weight, a factor on the section's score, only where it is not 1)
 *   fields:   the indexed fields, in MiniSearch's field order
 *   lengths:  per field, the length of that field in every section
 *   terms:    [[term, postings of field 0, of field 1, ...]], postings written as
 *             "gap[:count],gap[:count]" with gaps between section numbers in base 36
 *
 * MiniSearch's own JSON spells every posting as an object key; this form carries the same
 * index in about 40 % of the bytes, and the worker turns it back into MiniSearch's.
 */
"use strict"

const MiniSearch = require("minisearch")
const { tokenize, termsOf } = require("./terms.js")

const FIELDS = ["heading", "page", "text"]
const FORMAT = 1

function encodePostings(postings) {
  const ids = [...postings.keys()].sort((a, b) => a - b)
  let previous = 0
  return ids.map(id => {
    const gap = (id - previous).toString(36)
    previous = id
    const count = postings.get(id)
    return count > 1 ? `${gap}:${count.toString(36)}` : gap
  }).join(",")
}

/*
 * Headings of the page template ("What it is", "Exam tips", "Data") name a role, not a subject:
 * one used on GENERIC_HEADING_PAGES pages or more is indexed as text, not as a heading.
 */
const GENERIC_HEADING_PAGES = 3

function genericHeadings(sections) {
  const pagesByHeading = new Map()
  for (const section of sections) {
    const key = section.heading.toLowerCase()
    if (!pagesByHeading.has(key))
      pagesByHeading.set(key, new Set())
    pagesByHeading.get(key).add(section.page)
  }
  return new Set([...pagesByHeading].filter(([, pages]) => pages.size >= GENERIC_HEADING_PAGES).map(([key]) => key))
}

/*
 * Two adjacent words whose joining is itself a word of the site (data set -> dataset, time series ->
 * timeseries only if the site writes it) are indexed joined too, so that either spelling finds both.
 */
function withJoinedPairs(tokens, vocabulary) {
  const joined = []
  for (let i = 0; i + 1 < tokens.length; i++) {
    const pair = (tokens[i] + tokens[i + 1]).toLowerCase()
    if (vocabulary.has(pair) && /^\p{L}+$/u.test(pair))
      joined.push(pair)
  }
  return tokens.concat(joined)
}

function build({ pages, sections }) {
  const vocabulary = new Set(sections.flatMap(section => tokenize(section.text).map(token => token.toLowerCase())))
  const generic = genericHeadings(sections)
  const index = new MiniSearch({
    fields: FIELDS,
    tokenize: (text, field) => (field === "text" ? withJoinedPairs(tokenize(text), vocabulary) : tokenize(text)),
    processTerm: token => {
      const terms = termsOf(token)
      return terms.length ? terms : null
    },
  })
  index.addAll(sections.map((section, id) => {
    const isGeneric = section.anchor && generic.has(section.heading.toLowerCase())
    return {
      id,
      heading: isGeneric ? "" : section.heading,
      // Every section is found by its page's title too; the page's top section, whose heading is the
      // title, matches it twice, so that the page about a thing ranks above a section that mentions it.
      page: pages[section.page].title,
      text: isGeneric ? `${section.heading}. ${section.text}` : section.text,
    }
  }))

  const serialized = index.toJSON()
  const lengths = FIELDS.map((_, field) => sections.map((_, id) => serialized.fieldLength[id][field]))
  const terms = serialized.index.map(([term, byField]) => {
    const row = [term, ...FIELDS.map((_, field) => {
      const postings = byField[field]
      return postings ? encodePostings(new Map(Object.entries(postings).map(([id, n]) => [+id, n]))) : ""
    })]
    while (row[row.length - 1] === "")
      row.pop()
    return row
  })
  return {
    format: FORMAT,
    pages: pages.map(page => [page.url, page.title, page.tags]),
    sections: sections.map(section => {
      const row = [section.page, section.anchor, section.heading, section.teaser]
      return section.weight !== undefined && section.weight !== 1 ? [...row, section.weight] : row
    }),
    fields: FIELDS,
    lengths,
    terms,
  }
}

let input = ""
process.stdin.setEncoding("utf8")
process.stdin.on("data", chunk => { input += chunk })
process.stdin.on("end", () => {
  process.stdout.write(JSON.stringify(build(JSON.parse(input))))
})
