"""Roadshow agendas (项目路演): the model, the scheduler and the outputs built from a plan."""
