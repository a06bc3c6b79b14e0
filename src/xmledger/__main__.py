from xmledger.cli import main

main()
