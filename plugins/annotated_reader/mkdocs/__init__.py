"""The MkDocs adapter: the plugin and its typed options. The only part that imports MkDocs;
a Zensical adapter would sit beside it.

May import everything in the package; nothing in the package imports it.
"""
