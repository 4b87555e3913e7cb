"""The engine-neutral render: the generated site written as a folder of documentation
files (Markdown pages carrying the library's HTML, and plain files) that any static site
generator builds; used by ``annotated-reader render`` and the Zensical adapter."""
