"""LanguageTool grammar checking for posts in the brand's grammar languages.

``config`` reads brand.yml ``grammar`` and the environment, ``annotate`` turns a post body into
LanguageTool annotated text (masked spans become markup), ``server`` talks to the LanguageTool
HTTP server through language-tool-python, ``cache`` keeps results on disk, ``results`` turns
matches into findings. ``checks.builtin.grammar`` runs them once per ``ekip check``.
"""
