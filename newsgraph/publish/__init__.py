"""Layer 5, publishing files of a package: the dataset card, Croissant metadata, the timeline
figure and the data dictionary, each generated from the rows and the models."""
