print("placeholder: the worker comes with issue 5")
