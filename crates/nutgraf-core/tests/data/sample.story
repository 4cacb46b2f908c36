LONDON, England (CNN) -- Police in London said on Monday that they had arrested a man. He is 35.

Mr. Smith, a spokesman, said the U.S. embassy was informed. "We are working with them," he said.

@highlight

Police arrested a man in London

@highlight

The U.S. embassy was informed
