"""Text: quotes anchored to exact passages, the text cut into blocks, and safe Markdown.

May import the rest of the core; nothing in the core's top level but the corpus and the
loader imports it.
"""
