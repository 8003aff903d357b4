{{%AUTOESCAPE context="HTML"}}
<h1>{{t_error_title}}</h1>
<p class="error" role="alert">{{STATUS}} — {{MESSAGE}}</p>
<p><a href="{{P}}/">{{t_back_home}}</a></p>
