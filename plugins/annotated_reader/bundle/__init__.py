"""The offline bundle: the site built for ``file://``, checked to load nothing from another
machine and to miss no file, and zipped byte for byte the same every time.

May import the core and the features' file formats; runs MkDocs as a command, never imports it.
"""
