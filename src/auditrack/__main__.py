from auditrack.cli import main

main()
