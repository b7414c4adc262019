/*
 * The site's search worker: Material for MkDocs' own search worker (lunr, its tokenizer,
 * ranking and highlighting), loaded unchanged, with the project's word rules around it.
 *
 * Material lets a site name its own search worker (the `search` entry of its page
 * configuration). This one
 *  - adds the forms of every index token (exact, folded, stemmed, parts of unspaced-script
 *    compounds, the Han pair it forms with the next token) to lunr's pipeline, at the token's
 *    position so Material highlights the original text;
 *  - rewrites each query with the same rules before Material sees it (rules.js);
 *  - reports per result the visitor's words, and the words as written in the result, so the
 *    "missing" line and the on-page highlighting speak of what the visitor typed and found.
 * The build (tnsite/stack/material.py) checks that Material's worker still has the shape and
 * the message ids relied on here, and fails otherwise.
 */
;(function () {
  "use strict"

  var MATERIAL_WORKER = "@MATERIAL_WORKER@"
  /* Material's message ids, read from its worker and checked by tnsite/stack/material.py */
  var SETUP = @MESSAGE_SETUP@
  var QUERY = @MESSAGE_QUERY@
  var RESULT = @MESSAGE_RESULT@

  var rules = self.tnsiteSearchRules
  var nativeAddEventListener = self.addEventListener
  var nativePostMessage = self.postMessage
  var materialListener = null
  var options = { separator: /[\s\-]+/, stem: null, vocabulary: null, cache: null }
  var lastQuery = null

  /* Material registers its message handler while it loads: keep it, to call it ourselves */
  self.addEventListener = function (type, listener, opts) {
    if (type === "message" && materialListener === null) {
      materialListener = listener
      return
    }
    return nativeAddEventListener.call(self, type, listener, opts)
  }

  /* Material answers with postMessage: give each result the visitor's words */
  self.postMessage = function (message, transfer) {
    if (message && message.type === RESULT && message.data && lastQuery !== null)
      message = { type: RESULT, data: rules.rewriteResult(message.data, lastQuery) }
    return nativePostMessage.call(self, message, transfer)
  }

  importScripts(MATERIAL_WORKER)
  delete self.addEventListener

  var lunr = self.lunr
  if (materialListener === null || typeof lunr === "undefined")
    throw new Error("tnsite search: Material's search worker changed; see tnsite/stack/material.py")

  /* Every token of the index enters under all its forms, at its own position, and a Han
     token also under the pair it makes with the next token of its run (markPairs) */
  function indexForms(token) {
    var forms = rules.indexForms(token.toString(), options)
    var pair = token.metadata && token.metadata.tnsitePair
    if (pair && forms.indexOf(pair) === -1) forms = forms.concat([pair])
    return forms.map(function (form) {
      return token.clone(function () { return form })
    })
  }

  /* Find each token of a field in its text, in order, and note on it the Han pair it forms
     with the next token when only the build's word break separates them. (Material's token
     positions index its own tables, not the text; lunr keeps only whitelisted metadata in
     the index, so this note never reaches it.) */
  function markPairs(input, tokens) {
    if (typeof input !== "string" || !Array.isArray(tokens)) return
    var text = input.toLowerCase()
    var spans = []
    var at = 0
    for (var token of tokens) {
      var word = token.toString()
      var start = word ? text.indexOf(word, at) : -1
      spans.push(start < 0 ? null : [start, start + word.length])
      if (start >= 0) at = start + word.length
    }
    for (var k = 0; k + 1 < tokens.length; k++) {
      if (!spans[k] || !spans[k + 1]) continue
      var gap = text.slice(spans[k][1], spans[k + 1][0])
      var pair = rules.joinPair(tokens[k].toString(), tokens[k + 1].toString(), gap)
      if (pair) tokens[k].metadata.tnsitePair = pair
    }
  }

  lunr.Pipeline.registerFunction(indexForms, "tnsiteIndexForms")

  var add = lunr.Builder.prototype.add
  lunr.Builder.prototype.add = function (doc, attributes) {
    if (!this.tnsiteForms) {
      this.pipeline.add(indexForms)
      var tokenize = this.tokenizer
      this.tokenizer = function (input) {
        var tokens = tokenize.apply(this, arguments)
        markPairs(input, tokens)
        return tokens
      }
      this.tnsiteForms = true
    }
    return add.call(this, doc, attributes)
  }

  /*
   * Two forms of one word ('cửa' and 'cua') can both match the same place in a text; Material
   * would then wrap that place in <mark> twice and break the snippet. Keep each position once.
   */
  function keepPositionsOnce(metadata) {
    var seen = {}
    for (var term in metadata)
      for (var field in metadata[term]) {
        var positions = metadata[term][field].position
        if (!Array.isArray(positions)) continue
        var taken = seen[field] || (seen[field] = new Set())
        metadata[term][field] = Object.assign({}, metadata[term][field], {
          position: positions.filter(function (p) {
            if (taken.has(p)) return false
            taken.add(p)
            return true
          })
        })
      }
  }

  var search = lunr.Index.prototype.search
  lunr.Index.prototype.search = function (query) {
    var results = search.call(this, query)
    for (var result of results) keepPositionsOnce(result.matchData.metadata)
    return results
  }

  function stemmer(word) {
    return lunr.stemmer(new lunr.Token(word)).toString()
  }

  function setup(index) {
    var site = index.config.tnsite || {}
    options = {
      separator: new RegExp(index.config.separator),
      stem: site.stem ? stemmer : null,
      vocabulary: rules.vocabulary(index.docs),
      cache: null
    }
  }

  nativeAddEventListener.call(self, "message", function (ev) {
    var message = ev.data
    if (message && message.type === SETUP) {
      setup(message.data)
    } else if (message && message.type === QUERY) {
      lastQuery = rules.rewriteQuery(String(message.data), options)
      message = { type: QUERY, data: lastQuery.text }
    }
    return materialListener.call(self, { data: message })
  })
})()
