from engine.cli.plain import main

raise SystemExit(main())
