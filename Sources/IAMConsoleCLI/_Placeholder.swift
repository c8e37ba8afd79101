// IAMConsoleCLI
