/*
 * Word rules of the site search, applied in the browser to the index's tokens and to the
 * visitor's query alike, so both sides always meet in the same form.
 *
 * The Vietnamese rules mirror tnsite/text.py (fold_latin, normalize_tone_marks, search_key);
 * tests/search/test_rules_js.py runs both on the same words. Queries in scripts written
 * without spaces (Khmer, Chinese, Japanese kana, Thai, Lao, Myanmar) are split with the
 * index's own vocabulary (the words ICU found at build time), not with the browser's
 * segmenter, whose dictionaries differ between browsers and from the build's.
 *
 * Han text is also matched by character pairs (bigrams), the way CJK search engines do it,
 * because ICU's dictionary cuts domain terms into single characters ('通关' → '通', '关'):
 * every Han token enters the index under its two-character parts and under the pair it forms
 * with the next token of the same run; a Han run in a query is looked up as all of its pairs,
 * each required, so '多式联运' finds the pages holding that sequence and not every page with
 * '多' or '运'. A pair is written with a word joiner between its characters ('通\u2060关'):
 * Material's worker re-cuts every Han run of a query by the index's words (a pair whose first
 * character is also a word would become that character), and leaves a one-character run alone.
 */
;(function (root) {
  "use strict"

  var LATIN_MARKS = /[\u0300-\u036f]/g
  var OLD_STYLE_TONE =
    /(^|[^qQ])([oOuU])([aAeEyY])([\u0300\u0301\u0303\u0309\u0323])(?![\p{L}\p{N}\u0300-\u036f])/gu
  /* Letters and signs of words in unspaced scripts (not digits or punctuation): Khmer, CJK
     ideographs, kana, Thai, Lao, Myanmar. Same blocks as segment.py's UNSPACED_RUN. */
  var UNSPACED =
    "\u1780-\u17d3\u17dc\u17dd\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}" +
    "\u3041-\u309f\u30a0-\u30ff\u0e01-\u0e4e\u0e81-\u0edf\u1000-\u103f\u1050-\u109f"
  var UNSPACED_WORD = new RegExp("[" + UNSPACED + "]+", "gu")
  var UNSPACED_WORD_ONLY = new RegExp("^[" + UNSPACED + "]+$", "u")
  /* Han ideographs: each is a syllable, so a word may start at any of them */
  var HAN_ONLY = /^[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u{20000}-\u{3134f}]+$/u
  var LUNR_SYNTAX = /[*:~^]/g
  var ASCII = /^[\x00-\x7f]*$/

  /** 'Tòa Thánh', 'Toà Thánh' → 'Toa Thanh'; Khmer vowel signs and the coeng stay. */
  function foldLatin(text) {
    return text
      .replace(/đ/g, "d")
      .replace(/Đ/g, "D")
      .normalize("NFD")
      .replace(LATIN_MARKS, "")
      .normalize("NFC")
  }

  /** 'hoà' → 'hòa', 'thuỷ' → 'thủy': one tone-mark style for matching (NFC out). */
  function normalizeToneMarks(text) {
    return text
      .normalize("NFD")
      .replace(OLD_STYLE_TONE, "$1$2$4$3")
      .normalize("NFC")
  }

  /** The exact form of a word for search: NFC, one tone-mark style, lower case. */
  function searchKey(word) {
    return normalizeToneMarks(word).toLowerCase()
  }

  /* ------------------------------------------------------------------------
   * Words of unspaced scripts
   * --------------------------------------------------------------------- */

  /**
   * A word may start before s[i] only where a new orthographic cluster starts: not on a vowel
   * or other combining sign, not on a consonant stacked by the coeng. Same rule as segment.py.
   */
  function isClusterStart(s, i) {
    if (i <= 0 || i >= s.length) return true
    var c = s.charCodeAt(i)
    if (c >= 0xdc00 && c <= 0xdfff) return false /* second half of a supplementary character */
    var sign = (c >= 0x17b4 && c <= 0x17d3) || c === 0x17dd
    return !sign && s.charCodeAt(i - 1) !== 0x17d2
  }

  /**
   * The unspaced-script words of an index: every word the build marked with U+200B, plus all
   * their leading parts (so a word being typed can be matched as a prefix).
   */
  function Vocabulary(words) {
    this.words = new Set()
    this.prefixes = new Set()
    this.maxLength = 1
    this.parts = new Map()
    for (var word of words) this.add(word)
  }

  Vocabulary.prototype.add = function (word) {
    if (this.words.has(word)) return
    this.words.add(word)
    this.maxLength = Math.max(this.maxLength, word.length)
    for (var i = 1; i <= word.length; i++)
      if (isClusterStart(word, i)) this.prefixes.add(word.slice(0, i))
  }

  /**
   * Split a run of Khmer letters into words of the vocabulary, with the fewest unknown
   * clusters first and then the fewest words. Adjacent unknown clusters stay together.
   * `allowPrefix`: the last word may be the beginning of a known word (still being typed).
   * `exclude`: a word not to use (to find the parts of that very word).
   */
  Vocabulary.prototype.split = function (run, allowPrefix, exclude) {
    var n = run.length
    var bounds = []
    for (var i = 0; i <= n; i++) if (isClusterStart(run, i)) bounds.push(i)
    var best = new Array(n + 1)
    best[n] = { unknown: 0, count: 0, next: n, known: true }
    for (var k = bounds.length - 2; k >= 0; k--) {
      var start = bounds[k]
      var choice = null
      for (var m = k + 1; m < bounds.length; m++) {
        var end = bounds[m]
        if (end - start > this.maxLength && m > k + 1) break
        var piece = run.slice(start, end)
        var known =
          (piece !== exclude && this.words.has(piece)) ||
          (allowPrefix && end === n && piece !== exclude && this.prefixes.has(piece))
        if (!known && m > k + 1) continue
        var rest = best[end]
        var unknown = rest.unknown + (known ? 0 : 1)
        var count = rest.count + 1
        if (
          choice === null ||
          unknown < choice.unknown ||
          (unknown === choice.unknown && count < choice.count)
        )
          choice = { unknown: unknown, count: count, next: end, known: known }
      }
      best[start] = choice
    }
    var out = []
    for (var at = 0; at < n; ) {
      var step = best[at]
      var text = run.slice(at, step.next)
      var last = out[out.length - 1]
      if (!step.known && last && !last.known) last.text += text
      else out.push({ text: text, known: step.known })
      at = step.next
    }
    return out
  }

  /** The known words a compound is made of ('កងកម្លាំង' → ['កង', 'កម្លាំង']), or []. */
  Vocabulary.prototype.partsOf = function (word) {
    var cached = this.parts.get(word)
    if (cached) return cached
    var parts = []
    if (word.length > 1) {
      var pieces = this.split(word, false, word)
      if (pieces.length > 1 && pieces.every(function (p) { return p.known }))
        parts = pieces.map(function (p) { return p.text })
    }
    this.parts.set(word, parts)
    return parts
  }

  /** Every unspaced-script word in the documents of an index (the build put U+200B between
      them). */
  function vocabulary(docs) {
    var words = []
    for (var doc of docs)
      for (var field of [doc.title, doc.text])
        if (typeof field === "string") {
          var found = field.match(UNSPACED_WORD)
          if (found) for (var w of found) words.push(w)
        }
    return new Vocabulary(words)
  }

  /* ------------------------------------------------------------------------
   * Forms of a word
   * --------------------------------------------------------------------- */

  function pushNew(list, value) {
    if (value && list.indexOf(value) === -1) list.push(value)
  }

  /**
   * Every form under which an index token is found: its exact form, its folded form
   * ('tòa' → 'toa'), its English stem when the language is stemmed, and the known parts of
   * a Khmer compound. They share the token's position, so highlighting marks the original.
   */
  function indexForms(token, options) {
    var cache = options.cache || (options.cache = new Map())
    var forms = cache.get(token)
    if (forms) return forms
    if (UNSPACED_WORD_ONLY.test(token)) {
      forms = [token]
      if (options.vocabulary)
        for (var part of options.vocabulary.partsOf(token)) pushNew(forms, part)
      for (var pair of hanPairs(token)) pushNew(forms, pair)
    } else {
      var exact = ASCII.test(token) ? token.toLowerCase() : searchKey(token)
      forms = [exact]
      if (!ASCII.test(token)) pushNew(forms, foldLatin(exact))
      if (options.stem)
        for (var form of forms.slice()) pushNew(forms, options.stem(form))
    }
    cache.set(token, forms)
    return forms
  }

  /** The forms a query word is looked up under: exact first, then folded, then the stem. */
  function queryForms(word, options) {
    var exact = searchKey(word)
    var forms = [exact]
    pushNew(forms, foldLatin(exact))
    if (options.stem)
      for (var form of forms.slice()) pushNew(forms, options.stem(form))
    return forms
  }

  /* ------------------------------------------------------------------------
   * Query
   * --------------------------------------------------------------------- */

  var JOINER = "\u2060"

  /** The index and query form of a pair of Han characters. */
  function pairForm(first, second) {
    return first + JOINER + second
  }

  /** The pair a Han token forms with the next one when nothing but the build's word break
      stands between them ('通' + '关' → '通关'); null otherwise. `gap`: the characters between
      them in the text. */
  function joinPair(word, next, gap) {
    if (!word || !next || !/^\u200b?$/.test(gap)) return null
    var last = Array.from(word).pop()
    var first = Array.from(next)[0]
    return HAN_ONLY.test(last + first) ? pairForm(last, first) : null
  }

  /** The character pairs of a Han word of two or more characters, in their index form
      ('边境贸易区' → '边境', '境贸', '贸易', '易区', each with the joiner); none for other
      words. */
  function hanPairs(word) {
    var chars = Array.from(word)
    if (chars.length < 2 || !HAN_ONLY.test(word)) return []
    var pairs = []
    for (var i = 0; i + 1 < chars.length; i++) pairs.push(pairForm(chars[i], chars[i + 1]))
    return pairs
  }

  /**
   * Split a piece of a query into words: {text, required}. A Han run of two or more characters
   * becomes its character pairs, all required (the index holds every pair of its Han text);
   * other unspaced-script runs are split by the vocabulary; the rest stays as typed.
   */
  function queryWords(piece, isLast, options) {
    var words = []
    var at = 0
    UNSPACED_WORD.lastIndex = 0
    var match
    var runs = []
    while ((match = UNSPACED_WORD.exec(piece)) !== null) runs.push([match.index, match[0]])
    for (var r = 0; r < runs.length; r++) {
      var index = runs[r][0]
      var run = runs[r][1]
      if (index > at) words.push({ text: piece.slice(at, index), required: false })
      at = index + run.length
      var chars = Array.from(run)
      if (chars.length > 1 && HAN_ONLY.test(run)) {
        for (var pair of hanPairs(run)) words.push({ text: pair, required: true })
        continue
      }
      var atEnd = isLast && at === piece.length
      var parts = options.vocabulary
        ? options.vocabulary.split(run, atEnd)
        : [{ text: run, known: false }]
      for (var part of parts) words.push({ text: part.text, required: false })
    }
    if (at < piece.length) words.push({ text: piece.slice(at), required: false })
    return words
  }

  /**
   * Rewrite a visitor's query for Material's search: unspaced scripts split into the index's words,
   * every word in its exact and folded (and stemmed) forms. Quoted words and words marked
   * with + must occur; - excludes a word in every form. Returns the query text and, for each
   * word the visitor typed, the forms it was looked up under.
   */
  function rewriteQuery(query, options) {
    var separator = new RegExp(options.separator.source, "g")
    var text = query
      .normalize("NFC")
      .replace(/"([^"]*)"?/g, function (_, inner) {
        return (
          " " +
          inner
            .trim()
            .split(/\s+/)
            .filter(Boolean)
            .map(function (w) { return /^[+-]/.test(w) ? w : "+" + w })
            .join(" ") +
          " "
        )
      })
    var typing = !/\s$/.test(query)
    var parts = text.split(/\s+/).filter(Boolean)
    var words = []
    for (var p = 0; p < parts.length; p++) {
      var m = /^([+-]?)(.*?)((?:[~^]\d*)?)$/.exec(parts[p])
      var presence = m[1]
      var suffix = m[3]
      var pieces = m[2].replace(LUNR_SYNTAX, " ").split(separator).filter(Boolean)
      for (var q = 0; q < pieces.length; q++) {
        var isLast = typing && p === parts.length - 1 && q === pieces.length - 1
        for (var found of queryWords(pieces[q], isLast, options)) {
          var word = found.text
          var must = found.required && presence !== "-" ? "+" : presence
          var forms = must === "+" ? [searchKey(word)] : queryForms(word, options)
          words.push({ word: word, presence: must, suffix: suffix, forms: forms })
        }
      }
    }
    var out = []
    for (var w of words)
      for (var f of w.forms) out.push(w.presence + f + w.suffix)
    return { text: out.join(" "), words: words }
  }

  /* ------------------------------------------------------------------------
   * Result
   * --------------------------------------------------------------------- */

  var ENTITIES = { "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'" }

  function marked(html) {
    var out = []
    var re = /<mark>([^<]*)<\/mark>/g
    var match
    while ((match = re.exec(html)) !== null)
      pushNew(out, match[1].replace(/&(?:amp|lt|gt|quot|#39);/g, function (e) {
        return ENTITIES[e]
      }))
    return out
  }

  /**
   * Material reports, per result, which query terms matched; with several forms per word that
   * would list a form as "missing" although the word was found. Report the visitor's words
   * instead, and as matched terms the words as they are written in the result (so the page
   * highlights 'Tòa' for the query 'toa').
   */
  function rewriteTerms(item, query) {
    var terms = {}
    var found = marked((item.title || "") + " " + (item.text || ""))
    for (var word of query.words) {
      if (word.presence === "-") continue
      var matched = false
      var missing = false
      for (var form of word.forms) {
        if (item.terms[form] === true) matched = true
        if (item.terms[form] === false) missing = true
      }
      if (matched) {
        if (!found.length) terms[searchKey(word.word)] = true
      } else if (missing) terms[word.word] = false
    }
    for (var text of found) terms[text] = true
    return Object.assign({}, item, { terms: terms })
  }

  function rewriteResult(result, query) {
    return Object.assign({}, result, {
      items: result.items.map(function (group) {
        return group.map(function (item) { return rewriteTerms(item, query) })
      })
    })
  }

  var api = {
    foldLatin: foldLatin,
    normalizeToneMarks: normalizeToneMarks,
    searchKey: searchKey,
    Vocabulary: Vocabulary,
    vocabulary: vocabulary,
    hanPairs: hanPairs,
    joinPair: joinPair,
    pairForm: pairForm,
    indexForms: indexForms,
    queryForms: queryForms,
    rewriteQuery: rewriteQuery,
    rewriteResult: rewriteResult
  }
  if (typeof module !== "undefined" && module.exports) module.exports = api
  else root.tnsiteSearchRules = api
})(typeof self !== "undefined" ? self : this)
