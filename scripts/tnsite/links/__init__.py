"""Link integrity: every link, anchor and asset of the built site in every language, traced
back to the Markdown line that wrote it; hreflang alternates and sitemap.xml; external links."""
