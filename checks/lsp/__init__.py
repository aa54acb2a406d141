"""``ekip lsp``: Ekip's findings in the writer's editor, over the Language Server Protocol.

``server`` is the protocol side (pygls); ``repository`` keeps the brand, the posts on disk and
the open documents and runs the engine; ``positions`` converts offsets; ``diagnostics``,
``actions``, ``hover``, ``completion`` and ``counts`` build the replies. Only ``ekip lsp``
imports this package (pygls and lsprotocol are never loaded by ``ekip check``).
"""
