from auditrack import main

main()
