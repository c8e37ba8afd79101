import Foundation
import IAMConsoleCLI

exit(IAMConsoleMain.run(CommandLine.arguments))
