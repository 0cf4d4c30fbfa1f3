// Material for MkDocs' search worker, answered from Pagefind's chunked index (site/pagefind/, made after MkDocs).
// Material's search box and result list stay as they are; Material loads this file instead of its own worker
// (overrides/main.html). Nothing is fetched for search until the first query, which fetches Pagefind's code and
// only the index chunks and excerpts it needs, instead of Material's whole-site index on every first page view.
// Protocol: 0 SETUP -> 1 READY; 2 QUERY (the text typed) -> 3 RESULT {items: [[page, ...sections], ...]}.
"use strict"

const RESULT_LIMIT = 20 // pages whose excerpts are fetched and shown, best first
const SECTION_LIMIT = 3 // sections listed under a page
const root = new URL("../../", self.location.href)
let engine = null
let latest = 0

function escapeHTML(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
}

async function pagefind() {
  if (engine === null) {
    engine = await import(new URL("pagefind/pagefind.js", root).href)
    await engine.options({ excerptLength: 30 })
  }
  return engine
}

// Material renders title and text as HTML: titles are escaped here, Pagefind escapes excerpts and marks the hits.
async function search(query) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (!words.length) return { items: [] }
  const terms = Object.fromEntries(words.map(word => [word, true]))
  const found = (await (await pagefind()).search(query)).results.slice(0, RESULT_LIMIT)
  const pages = await Promise.all(found.map(result => result.data()))
  return {
    items: pages.map((page, rank) => {
      const score = found[rank].score
      // Sections under their headings; not the headline's own, which the page's entry already shows.
      const sections = page.sub_results
        .filter(section => section.url.includes("#") && section.title !== page.meta.title)
        .slice(0, SECTION_LIMIT)
      return [
        { location: page.url, title: escapeHTML(page.meta.title || page.url), text: page.excerpt, score, terms },
        ...sections.map(section => ({
          location: section.url, title: escapeHTML(section.title), text: section.excerpt, score, terms
        }))
      ]
    })
  }
}

addEventListener("message", async ({ data: message }) => {
  if (message.type === 0) {
    postMessage({ type: 1 })
  } else if (message.type === 2) {
    const ticket = ++latest
    let data
    try {
      data = await search(message.data)
    } catch (error) {
      console.warn("Search failed:", error)
      data = { items: [] }
    }
    if (ticket === latest) postMessage({ type: 3, data }) // a slower, older query never overwrites a newer one
  }
})
