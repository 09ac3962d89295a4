/*
 * The site's search worker: Material's search interface, keyboard handling and
 * highlighting stay as they are; this worker answers them in place of Material's
 * lunr worker, speaking the same messages (SETUP -> READY, QUERY -> RESULT).
 *
 * scripts/hooks/search_index.py bundles it after MiniSearch, the Porter2 stemmer
 * and terms.js into one file, and points Material's configuration at it. The
 * index (search/search_index.json, built by build_index.cjs) reaches it in the
 * SETUP message, from Material's main thread, which also handles file:// (the
 * offline bundle) by loading search/search_index.js instead.
 *
 * Ranking, per section of a page: BM25 over the section's heading, its page's
 * title and its text (field boosts below); a section that matches more of the
 * query's words ranks above one that matches fewer; results are grouped by page,
 * the page's best section first, so Enter opens the section that answers.
 */
/* global MiniSearch, SearchTerms */
"use strict"

const MESSAGE = { SETUP: 0, READY: 1, QUERY: 2, RESULT: 3 }
const FORMAT = 1

const RANKING = {
  boost: { heading: 3, page: 1.5, text: 1 },
  alternativeWeight: 0.5,   // parts of an identifier (text, csv of text/csv), words joined ("data set")
  coordination: 2,          // score x (share of the query's words matched) ^ this
  otherSections: 0.1,       // a page's score: its best section + this x the others
  cutOff: 0.05,             // pages scoring below this share of the best are left out
  maxSections: 12,
}

let engine

function decodePostings(text) {
  const postings = {}
  let id = 0
  for (const entry of text.split(",")) {
    const [gap, count] = entry.split(":")
    id += parseInt(gap, 36)
    postings[id] = count ? parseInt(count, 36) : 1
  }
  return postings
}

/* The index as MiniSearch serializes it, from the compact form build_index.cjs writes. */
function inflate(docs) {
  if (!docs || docs.format !== FORMAT)
    throw new Error(`search index format ${docs && docs.format}, expected ${FORMAT}: rebuild the site`)
  const count = docs.sections.length
  const documentIds = {}, fieldLength = {}
  for (let id = 0; id < count; id++) {
    documentIds[id] = id
    fieldLength[id] = docs.fields.map((_, field) => docs.lengths[field][id])
  }
  const index = docs.terms.map(([term, ...byField]) => {
    const data = {}
    byField.forEach((postings, field) => {
      if (postings)
        data[field] = decodePostings(postings)
    })
    return [term, data]
  })
  return {
    documentCount: count,
    nextId: count,
    documentIds,
    fieldIds: Object.fromEntries(docs.fields.map((name, field) => [name, field])),
    fieldLength,
    averageFieldLength: docs.lengths.map(lengths => lengths.reduce((a, b) => a + b, 0) / count),
    storedFields: {},
    dirtCount: 0,
    index,
    serializationVersion: 2,
  }
}

function setup(docs) {
  const index = MiniSearch.loadJS(inflate(docs), {
    fields: docs.fields,
    tokenize: text => [text],   // queries arrive as terms already (see parse())
    processTerm: term => term,
  })
  const weights = docs.sections.map(section => (section.length > 4 ? section[4] : 1))
  const vocabulary = new Set(docs.terms.map(([term]) => term))
  return { index, weights, vocabulary, pages: docs.pages, sections: docs.sections, terms: new Map() }
}

/* The terms of a token shown in a result, remembered: the same words come back on every keystroke. */
function termsShown(token) {
  let terms = engine.terms.get(token)
  if (!terms)
    engine.terms.set(token, terms = SearchTerms.termsOf(token, true))
  return terms
}

/*
 * The query as MiniSearch subqueries, one group of terms per word typed. Every
 * word's terms are alternatives (text/csv, text, csv); two adjacent words also
 * try their joined form (data set -> dataset), and a word the site never uses
 * tries its halves where both are words of the site (autoscaling -> auto scaling).
 * The last word is a prefix while it is being typed; longer words forgive a typo.
 */
function parse(query) {
  const { tokenize, termsOf, normalize } = SearchTerms
  const tokens = tokenize(query)
  let words = tokens.map(token => ({ token, terms: termsOf(token) })).filter(word => word.terms.length)
  if (!words.length)
    words = tokens.map(token => ({ token, terms: termsOf(token, true) })).filter(word => word.terms.length)
  const typing = !/\s$/.test(query)
  const leaves = []
  const owners = new Map()   // term -> indices of the words it stands for
  const own = (term, indices) => owners.set(term, [...new Set([...(owners.get(term) || []), ...indices])])
  words.forEach((word, i) => {
    const last = typing && i === words.length - 1
    word.terms.forEach((term, j) => {
      const letters = /^\p{L}+$/u.test(term)
      leaves.push({
        queries: [term],
        prefix: last && j === 0 && term.length >= 2,
        fuzzy: letters && term.length >= 5 ? (term.length >= 9 ? 2 : 1) : false,
        boostTerm: () => (j === 0 ? 1 : RANKING.alternativeWeight),
      })
      own(term, [i])
    })
    for (const half of halves(word.token)) {
      leaves.push({ queries: [half], boostTerm: () => RANKING.alternativeWeight })
      own(half, [i])
    }
    const next = words[i + 1]
    if (next && /^\p{L}+$/u.test(word.token + next.token)) {
      const joined = normalize(word.token + next.token)
      leaves.push({ queries: [joined], boostTerm: () => RANKING.alternativeWeight * 2 })
      own(joined, [i, i + 1])
    }
  })
  return { words, leaves, owners }
}

/* The two words a word the site does not use is made of, if the site uses both (at least 3 letters each). */
function halves(token) {
  const { normalize } = SearchTerms
  const word = token.toLowerCase()
  if (!/^\p{L}{6,}$/u.test(word) || engine.vocabulary.has(normalize(word)))
    return []
  for (let cut = 3; cut <= word.length - 3; cut++) {
    const [left, right] = [normalize(word.slice(0, cut)), normalize(word.slice(cut))]
    if (engine.vocabulary.has(left) && engine.vocabulary.has(right) && !SearchTerms.STOP_WORDS.has(word.slice(0, cut)))
      return [left, right]
  }
  return []
}

function escapeHTML(text) {
  return text.replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c])
}

/* The text with every token that stands for a matched term marked. */
function highlight(text, matched) {
  const token = /[\p{L}\p{N}]+(?:[._/+-][\p{L}\p{N}]+)*/gu
  let html = "", last = 0, found
  while ((found = token.exec(text))) {
    if (termsShown(found[0]).some(term => matched.has(term))) {
      html += escapeHTML(text.slice(last, found.index)) + `<mark data-md-highlight>${escapeHTML(found[0])}</mark>`
      last = found.index + found[0].length
    }
  }
  return html + escapeHTML(text.slice(last))
}

function search(query) {
  const { words, leaves, owners } = parse(query)
  if (!leaves.length)
    return { items: [] }
  const hits = engine.index.search({ combineWith: "OR", queries: leaves },
                                   { boost: RANKING.boost, boostDocument: id => engine.weights[id] })

  /* Score every section, and every page by its sections. */
  const groups = new Map()
  for (const hit of hits) {
    const matchedWords = new Set(hit.queryTerms.flatMap(term => owners.get(term) || []))
    const score = hit.score * (matchedWords.size / words.length) ** RANKING.coordination
    const [page] = engine.sections[hit.id]
    if (!groups.has(page))
      groups.set(page, [])
    groups.get(page).push({ id: hit.id, score, matchedWords, terms: new Set(hit.terms) })
  }
  const ranked = [...groups.entries()].map(([page, hits]) => {
    hits.sort((a, b) => b.score - a.score)
    const others = hits.slice(1).reduce((sum, hit) => sum + hit.score, 0)
    return { page, hits, score: hits[0].score + RANKING.otherSections * others }
  }).sort((a, b) => b.score - a.score)
  const best = ranked.length ? ranked[0].score : 0
  const kept = ranked.filter(group => group.score >= RANKING.cutOff * best)

  /* Material's result items: per page, its article and its sections, best first. */
  const items = kept.map(group => {
    const [url, pageTitle, tags] = engine.pages[group.page]
    const docs = group.hits.slice(0, RANKING.maxSections).map(hit => {
      const [, anchor, heading, teaser] = engine.sections[hit.id]
      return {
        location: anchor ? `${url}#${anchor}` : url,
        title: highlight(anchor ? heading : pageTitle, hit.terms),
        text: highlight(teaser, hit.terms),
        ...(!anchor && tags.length && { tags }),
        // The page's score carries its other sections; its best section keeps the lead within it.
        score: hit === group.hits[0] ? group.score : hit.score,
        terms: Object.fromEntries(words.map((word, i) => [word.token, hit.matchedWords.has(i)])),
      }
    })
    if (!docs.some(doc => doc.location === url))
      docs.push({ location: url, title: escapeHTML(pageTitle), text: "", ...(tags.length && { tags }), score: 0, terms: {} })
    return docs
  })
  return { items, suggest: suggest(query, kept) }
}

/* Completion of the word being typed, from the best page's title and headings (search.suggest). */
function suggest(query, ranked) {
  const typed = (query.match(/[\p{L}\p{N}]+$/u) || [""])[0]
  if (typed.length < 2 || !ranked.length)
    return []
  const { page, hits } = ranked[0]
  const texts = [engine.pages[page][1], ...hits.map(hit => engine.sections[hit.id][2])]
  for (const text of texts)
    for (const word of text.match(/[\p{L}\p{N}]+/gu) || [])
      if (word.length > typed.length && word.toLowerCase().startsWith(typed.toLowerCase()))
        return [typed + word.slice(typed.length).toLowerCase()]
  return []
}

function handle(message) {
  switch (message.type) {
    case MESSAGE.SETUP:
      engine = setup(message.data.docs)
      return { type: MESSAGE.READY }
    case MESSAGE.QUERY:
      try {
        return { type: MESSAGE.RESULT, data: search(message.data) }
      } catch (error) {
        console.warn(`search: query ${JSON.stringify(message.data)} failed`, error)
        return { type: MESSAGE.RESULT, data: { items: [] } }
      }
    default:
      throw new TypeError(`search: unknown message type ${message.type}`)
  }
}

addEventListener("message", event => postMessage(handle(event.data)))
