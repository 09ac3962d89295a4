/*
 * How text becomes search terms: the one definition, used by the index builder
 * (scripts/search/build_index.cjs, in Node at build time) for the pages and by
 * the search worker (scripts/search/worker.js, in the reader's browser) for the
 * query, so that both sides always agree. CONTRIBUTING.md ("Search") explains
 * each rule; tests/test_search_terms.py checks them.
 *
 * A token is a run of letters and digits, joined by . / _ - + inside it, so
 * that identifiers stay whole: text/csv, SAGEMAKER_PROGRAM, ml.p3.2xlarge, k-NN.
 * A token becomes its whole form plus its parts (text/csv -> text/csv, text,
 * csv; k-NN -> k-nn, knn, k, nn), each lower-cased, spelled the US way and
 * stemmed (Porter2). Stop words and lone letters are dropped, except as parts.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports)
    module.exports = factory(require("wink-porter2-stemmer"))
  else
    root.SearchTerms = factory(root.porter2Stem)
})(typeof self !== "undefined" ? self : this, function (stem) {
  "use strict"

  const TOKEN = /[\p{L}\p{N}]+(?:[._/+-][\p{L}\p{N}]+)*/gu
  const JOINER = /[._/+-]+/

  // English function words (lunr's list, plus question words a learner types).
  const STOP_WORDS = new Set((
    "a able about across after all almost also am among an and any are as at be because been but by can " +
    "cannot could dear did do does either else ever every for from get got had has have he her hers him his " +
    "how however i if in into is it its just least let like likely may me might most must my neither no nor " +
    "not of off often on only or other our own rather said say says she should since so some than that the " +
    "their them then there these they this tis to too twas us wants was we were what when where which while " +
    "who whom why will with would yet you your vs versus which whose shall way ways use using used " +
    // Every page of the site is about AWS: these two words tell no page from another.
    "amazon aws"
  ).split(" "))

  // British spellings the site uses -> the US spellings most readers type. Rules first, then whole words.
  const SPELLING_RULES = [
    [/^(\p{L}{3,})is(e|es|ed|ing|ation|ations|er|ers|able)$/u, "$1iz$2"],   // regularise, tokenisation
    [/^(\p{L}{2,})ys(e|es|ed|ing|er|ers)$/u, "$1yz$2"],                       // analyse
    [/^(\p{L}{3,})our(s|ed|ing|al|able|ite|ites|er|ers)?$/u, "$1or$2"],       // behaviour, colour
    [/^(\p{L}{3,}[aeiou])ll(ing|ed|er|ers)$/u, "$1l$2"],                      // modelling, labelled
    [/^(\p{L}{2,})(t|b)re(s|d)?$/u, "$1$2er$3"],                              // centre, fibre
    [/^(\p{L}{3,})logue(s|d)?$/u, "$1log$2"],                                // catalogue, dialogue
    [/^(\p{L}*)programme(s|d)?$/u, "$1program$2"],                            // programme
  ]
  const SPELLING_WORDS = {
    artefact: "artifact", artefacts: "artifacts", licence: "license", licences: "licenses",
    defence: "defense", offence: "offense", judgement: "judgment", ageing: "aging", grey: "gray",
    enquiry: "inquiry", whilst: "while", amongst: "among", learnt: "learned", towards: "toward",
  }

  function spelling(word) {
    if (word in SPELLING_WORDS)
      return SPELLING_WORDS[word]
    for (const [pattern, replacement] of SPELLING_RULES)
      if (pattern.test(word))
        return word.replace(pattern, replacement)
    return word
  }

  /* One word, lower-cased: US spelling, then its stem (words with digits are kept as they are). */
  function normalize(word) {
    word = word.toLowerCase()
    if (/\d/.test(word) || !/^\p{L}+$/u.test(word))
      return word
    return stem(spelling(word))
  }

  /* The raw tokens of a text, in order. */
  function tokenize(text) {
    return text.normalize("NFKC").match(TOKEN) || []
  }

  /*
   * The terms of one token: [whole, ...alternatives]. Stop words give none,
   * unless asked to keep them (a query made only of stop words).
   */
  function termsOf(token, keepStopWords = false) {
    const lower = token.toLowerCase()
    if ((STOP_WORDS.has(lower) || /^\p{L}$/u.test(lower)) && !keepStopWords)
      return []
    const parts = token.split(JOINER).filter(Boolean)
    const terms = []
    const add = term => {
      if (term && !terms.includes(term))
        terms.push(term)
    }
    if (parts.length > 1) {
      add(lower)                                      // text/csv, sagemaker_program
      if (/^[\p{L}\p{N}-]+$/u.test(token))
        add(lower.replace(/-/g, ""))                  // k-NN -> knn, real-time -> realtime
      for (const part of parts)
        if (!STOP_WORDS.has(part.toLowerCase()) || keepStopWords)
          add(normalize(part))
    } else {
      add(normalize(token))
    }
    return terms
  }

  /* Every term of a text, for the index (one entry per occurrence, so term frequency counts). */
  function termsOfText(text) {
    const terms = []
    for (const token of tokenize(text))
      terms.push(...termsOf(token))
    return terms
  }

  return { tokenize, termsOf, termsOfText, normalize, spelling, STOP_WORDS }
})
