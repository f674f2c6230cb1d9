print("placeholder: the CLI comes with issue 4")
