"""References: what the notes cite, by domain and kind, and which fact-checks rest on too little.

Sits beside review/ and schema/: may import the assembly (to load a corpus) and the core;
it renders nothing.
"""
