// ConsoleApp
