// IAMCore
