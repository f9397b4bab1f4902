// Sample size, allocation, selection and weights live here.
