"""One module per subcommand. Each has `register(subparsers)` setting `handler(args, env) -> int`."""
