// IAMPolicy
