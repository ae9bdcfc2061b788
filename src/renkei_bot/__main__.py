from renkei_bot.cli import main

raise SystemExit(main())
