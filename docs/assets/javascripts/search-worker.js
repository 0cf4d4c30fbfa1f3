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
let preview = null // after a dirty build: the pages its own index holds, and the pages removed since
let latest = 0

function escapeHTML(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;")
}

async function pagefind() {
  if (engine === null) {
    const loaded = await import(new URL("pagefind/pagefind.js", root).href)
    await loaded.options({ excerptLength: 30 })
    // A dirty build (a maintainer's preview) indexes the pages it rendered apart: merged, tagged, preferred.
    const manifest = await (await fetch(new URL("pagefind/preview.json", root))).json()
    if (manifest.pages.length || manifest.removed.length) {
      if (manifest.pages.length) {
        await loaded.mergeIndex(new URL("pagefind-preview/", root).href, { mergeFilter: { index: "preview" } })
      }
      preview = { stale: new Set([...manifest.pages, ...manifest.removed]) }
    }
    engine = loaded
  }
  return engine
}


// A result's page as the preview manifest names it: its path from the site's root (which may be a subfolder).
function sitePath(url) {
  return "/" + new URL(url, root).href.slice(root.href.length)
}

// Material renders title and text as HTML: titles are escaped here, Pagefind escapes excerpts and marks the hits.
async function search(query) {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  if (!words.length) return { items: [] }
  const terms = Object.fromEntries(words.map(word => [word, true]))
  const engine = await pagefind()
  const results = (await engine.search(query)).results
  // In a preview, the full index's entry for a page rendered or removed since is stale; the preview index's
  // entries (found again by its merge filter) are current. Look at a few more to still show RESULT_LIMIT.
  const fresh = preview && new Set((await engine.search(query, { filters: { index: "preview" } })).results.map(r => r.id))
  const found = results.slice(0, preview === null ? RESULT_LIMIT : 2 * RESULT_LIMIT)
  const fetched = await Promise.all(found.map(result => result.data()))
  const kept = fetched
    .map((page, rank) => ({ page, score: found[rank].score }))
    .filter(({ page }, rank) => !preview || fresh.has(found[rank].id) || !preview.stale.has(sitePath(page.url)))
  return {
    items: kept.slice(0, RESULT_LIMIT).map(({ page, score }) => {
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
