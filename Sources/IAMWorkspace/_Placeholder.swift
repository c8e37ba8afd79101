// IAMWorkspace
